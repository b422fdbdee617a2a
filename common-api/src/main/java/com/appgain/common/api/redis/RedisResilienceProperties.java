package com.appgain.common.api.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How each Redis client ({@code appgain.redis.*}) gives up on a Redis that does not
 * answer.
 *
 * @param connectRetryInterval how often the shared connection is retried while it could
 * not be opened at start-up
 * @param probeTimeout how long the background {@code PING} of an open breaker may take
 * (each call is bounded by Lettuce's command timeout, {@code spring.data.redis.timeout})
 * @param minimumCalls calls a client's breaker sees before it may open
 * @param failureRate percentage of the last {@code windowSize} calls that, failing, open
 * the breaker
 * @param windowSize calls over which the failure rate is measured
 * @param probeInterval how often an open breaker's Redis is pinged in the background; a
 * pong lets a few calls through again
 * @param openAtMost how long a breaker stays open when the background probe itself is
 * stuck
 * @param deadConnectionTimeout how long written data may stay unacknowledged (or an idle
 * connection unanswered by keepalive probes) before the kernel closes the connection and
 * Lettuce reconnects: a Redis host cut off from the network sends nothing back
 * @param maxReconnectDelay the longest pause between two reconnect attempts
 */
@ConfigurationProperties("appgain.redis")
public record RedisResilienceProperties(@DefaultValue("5s") Duration connectRetryInterval,
		@DefaultValue("1s") Duration probeTimeout, @DefaultValue("5") int minimumCalls,
		@DefaultValue("50") float failureRate, @DefaultValue("10") int windowSize,
		@DefaultValue("1s") Duration probeInterval, @DefaultValue("30s") Duration openAtMost,
		@DefaultValue("3s") Duration deadConnectionTimeout, @DefaultValue("1s") Duration maxReconnectDelay) {

}
