package com.appgain.common.api.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-to-service calls.
 *
 * @param connectTimeout TCP connect timeout
 * @param responseTimeout time to wait for the callee's response
 */
@ConfigurationProperties("appgain.client")
public record ServiceClientProperties(@DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration responseTimeout) {

}
