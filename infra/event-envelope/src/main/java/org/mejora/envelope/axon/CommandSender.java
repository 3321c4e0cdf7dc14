package org.mejora.envelope.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mejora.envelope.Actor;
import org.mejora.envelope.EventMetadata;
import org.mejora.identity.IdentityHeaders;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.UUID;

/**
 * Sends a command on behalf of the calling user, so that its events record who, in which role, for which institution
 * and in which request (the gateway's correlation id).
 */
public class CommandSender {

    private final CommandGateway commands;

    public CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, VerifiedUser user, Role actingAs) {
        Actor actor = new Actor(user.userId(), actingAs.name(), user.name());
        MetaData metaData = MetaData.from(EventMetadata.of(actor, user.institutionId(), correlationId()));
        try {
            return commands.sendAndWait(command, metaData);
        } catch (ConcurrencyException raced) {
            // Another instance appended to the aggregate between this one's load and append (or its cached copy was
            // stale): nothing was stored, the cache entry is gone, and the command runs once more on fresh state.
            // An If-Match mismatch is a different exception and is never retried.
            return commands.sendAndWait(command, metaData);
        }
    }

    private static String correlationId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String given = attributes.getRequest().getHeader(IdentityHeaders.CORRELATION_ID);
            if (given != null && !given.isBlank()) {
                return given;
            }
        }
        return UUID.randomUUID().toString();
    }
}
