package com.appgain.gateway;

import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The suite's single entry point: routes {@code /api/<service>/**} to the service of that
 * name in the registry after checking the caller's token and rate limit.
 */
@SpringBootApplication
@EnableConfigurationProperties(ApiGatewayProperties.class)
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
