package org.mejora.evaluation.web;

import org.mejora.evaluation.api.ServantResults;
import org.mejora.identity.VerifiedUser;

import java.util.stream.Collectors;

/** The verified user as {@link ServantResults} reads them. */
public final class ResultReaders {

    private ResultReaders() {
    }

    public static ServantResults.Reader of(VerifiedUser user) {
        return new ServantResults.Reader(user.userId(), user.institutionId(),
                user.roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()));
    }
}
