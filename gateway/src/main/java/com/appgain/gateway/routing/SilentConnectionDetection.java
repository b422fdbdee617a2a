package com.appgain.gateway.routing;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import reactor.netty.http.client.HttpClient;

import com.appgain.gateway.config.ApiGatewayProperties;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tells a silent upstream host from a slow one. A host cut off from the network sends
 * nothing back, not even a RST: a request already sent to it, or sent on a pooled
 * connection to it, would wait for the 10 s response timeout, and a timeout is not
 * retried (a slow service would only get slower). With TCP keepalive probes each second
 * and {@code TCP_USER_TIMEOUT}, the kernel closes such a connection once the other host
 * has acknowledged nothing for {@code appgain.gateway.silent-connection-timeout}; the
 * request fails with an {@code IOException}, and a GET or HEAD is retried on another
 * instance. A slow but reachable service keeps acknowledging (its kernel answers the
 * probes), so it is never cut short. Needs Linux's native transport (epoll); without it
 * the response timeout still applies.
 */
@Component
class SilentConnectionDetection implements HttpClientCustomizer {

	private final Duration timeout;

	SilentConnectionDetection(ApiGatewayProperties gateway) {
		this.timeout = gateway.silentConnectionTimeout();
	}

	@Override
	public HttpClient customize(HttpClient httpClient) {
		// epoll channels only: on Java NIO (-Dreactor.netty.native=false) Netty would
		// warn of an unknown option on every new connection
		if (this.timeout == null || this.timeout.isZero() || !httpClient.configuration().isPreferNative()
				|| !Epoll.isAvailable()) {
			return httpClient;
		}
		return httpClient.option(ChannelOption.SO_KEEPALIVE, true)
			.option(EpollChannelOption.TCP_KEEPIDLE, 1)
			.option(EpollChannelOption.TCP_KEEPINTVL, 1)
			.option(EpollChannelOption.TCP_KEEPCNT, Math.max(1, (int) this.timeout.toSeconds()))
			.option(EpollChannelOption.TCP_USER_TIMEOUT, (int) this.timeout.toMillis());
	}

}
