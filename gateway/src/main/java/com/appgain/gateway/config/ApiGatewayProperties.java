package com.appgain.gateway.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway adds to Spring Cloud Gateway (prefix {@code appgain.gateway}).
 *
 * @param rateLimit how many requests one caller may send to one service
 * @param identityHeaders request headers a client may not pass to a service, as exact
 * names or prefixes ending in {@code *}, case-insensitive: services read the caller from
 * the verified token only
 * @param jwksMinRefreshInterval the shortest time between two downloads of the JWKS; a
 * token naming an unknown {@code kid} asks for one
 * @param jwksTimeout how long a JWKS download may take
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway
 * whose {@code X-Forwarded-For} is believed; none by default
 * @param silentConnectionTimeout how long an upstream connection may go without any sign
 * of life from the other host (data or keepalive unacknowledged) before the kernel closes
 * it: the request on it fails, and a GET or HEAD is retried on another instance. A slow
 * service still acknowledges, so this does not cut it short. Linux (epoll) only
 * @param avoidUnansweringInstanceFor how long the load balancer leaves out an instance
 * that did not answer at all (connect failed, or no answer in time) while another is
 * listed
 */
@ConfigurationProperties("appgain.gateway")
public record ApiGatewayProperties(@DefaultValue RateLimit rateLimit, @DefaultValue( {
		"X-User-*", "X-Auth-*", "X-Authenticated-*", "X-Forwarded-User", "X-Forwarded-Email", "X-Forwarded-Groups",
		"X-Forwarded-Preferred-Username", "X-Remote-User", "Remote-User" }) List<String> identityHeaders,
		@DefaultValue("10s") Duration jwksMinRefreshInterval, @DefaultValue("3s") Duration jwksTimeout,
		@DefaultValue List<String> trustedProxies, @DefaultValue("3s") Duration silentConnectionTimeout,
		@DefaultValue("10s") Duration avoidUnansweringInstanceFor){

	/**
	 * A token bucket per caller and route, shared by every gateway through Redis.
	 *
	 * @param replenishRate tokens added to a bucket per second
	 * @param burstCapacity the most tokens a bucket holds
	 * @param requestedTokens tokens one request takes
	 * @param syncInterval the longest a gateway keeps the tokens it took before writing
	 * them to Redis (it writes sooner after a tenth of the burst): over one interval a
	 * caller spread over N gateways may get up to N tenths of the burst beyond the limit
	 */
	public record RateLimit(@DefaultValue("50") int replenishRate, @DefaultValue("100") long burstCapacity,
			@DefaultValue("1") int requestedTokens, @DefaultValue("100ms") Duration syncInterval) {

	}

}
