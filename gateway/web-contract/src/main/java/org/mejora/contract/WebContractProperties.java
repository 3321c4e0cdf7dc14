package org.mejora.contract;

import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body or upload a service reads (MEJORA_MAX_BODY_SIZE); larger ones are
 *                    refused with 413 before they are parsed; property {@code mejora.web.max-body-size}
 */
public record WebContractProperties(DataSize maxBodySize) {

    public WebContractProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(10);
        }
    }
}
