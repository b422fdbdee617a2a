package com.appgain.common.api.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Log shipping to Loki ({@code appgain.loki}).
 *
 * @param url the push URL ({@code LOKI_URL}); blank keeps logs on the console only
 */
@ConfigurationProperties("appgain.loki")
public record LokiProperties(String url) {

}
