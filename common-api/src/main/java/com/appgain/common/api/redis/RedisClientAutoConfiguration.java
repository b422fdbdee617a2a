package com.appgain.common.api.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.EpollProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis as every service uses it: a command fails at once while Redis is unreachable
 * (instead of queueing until a timeout), so callers can fall back, and
 * {@link RedisAvailability} keeps connection set-up off the event loop and stops each
 * client calling a Redis that does not answer.
 * <p>
 * A Redis host that drops off the network sends no RST: the connection looks open, and
 * the kernel retransmits what was written with a back-off that reaches many seconds, so
 * the connection would come back long after Redis does. TCP keepalive and
 * {@code TCP_USER_TIMEOUT} make the kernel close such a connection within a few seconds,
 * and the reconnect delay is capped, so Lettuce is connected again within about a second
 * of Redis answering.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ LettuceConnectionFactory.class, LettuceClientOptionsBuilderCustomizer.class })
@EnableConfigurationProperties(RedisResilienceProperties.class)
public final class RedisClientAutoConfiguration {

	private static final Duration COMMAND_TIMER_TICK = Duration.ofMillis(10);

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected(RedisResilienceProperties resilience,
			ObjectProvider<DataRedisProperties> redis) {
		Duration connectTimeout = redis.stream()
			.map(DataRedisProperties::getConnectTimeout)
			.filter((timeout) -> timeout != null)
			.findFirst()
			.orElse(SocketOptions.DEFAULT_CONNECT_TIMEOUT_DURATION);
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true)
			.socketOptions(socketOptions(connectTimeout, resilience.deadConnectionTimeout()));
	}

	/** Reconnect attempts 1, 2, 4... ms apart, never more than the configured maximum. */
	@Bean
	ClientResourcesBuilderCustomizer cappedReconnectDelay(RedisResilienceProperties resilience) {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ZERO, resilience.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS));
	}

	/**
	 * Lettuce's command timeouts: a timeout holds its command, and with it the whole
	 * reactive chain of the request that sent it, until the timer's next tick after the
	 * command completed. With Lettuce's 100 ms tick, a service at 5,000 requests/s kept
	 * 10-20 MB of finished requests alive across every young collection, which copied
	 * them (20-50 ms pauses). A 10 ms tick frees them ten times sooner.
	 */
	@Bean(destroyMethod = "stop")
	HashedWheelTimer redisCommandTimer() {
		HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("lettuce-timer", true),
				COMMAND_TIMER_TICK.toMillis(), TimeUnit.MILLISECONDS);
		// Started here: the first timeout would start it on the event loop that sent the
		// command, waiting there for the timer's thread.
		timer.start();
		return timer;
	}

	@Bean
	ClientResourcesBuilderCustomizer finerCommandTimer(HashedWheelTimer redisCommandTimer) {
		return (resources) -> resources.timer(redisCommandTimer);
	}

	/**
	 * Lettuce's command timers, in place of Spring Boot's set-up (left out by
	 * {@link com.appgain.common.api.boot.UnusedAutoConfigurations}), guarded against an
	 * observation stopped before it started ({@link RedisCommandObservations}).
	 */
	@Bean
	ClientResourcesBuilderCustomizer redisCommandObservations(ObjectProvider<DefaultMeterObservationHandler> meters) {
		return (resources) -> meters
			.ifAvailable((handler) -> resources.tracing(RedisCommandObservations.tracing(handler)));
	}

	static SocketOptions socketOptions(Duration connectTimeout, Duration deadConnectionTimeout) {
		// probes start after half the timeout idle, then every quarter, three of them
		SocketOptions.Builder socket = SocketOptions.builder()
			.connectTimeout(connectTimeout)
			.keepAlive(SocketOptions.KeepAliveOptions.builder()
				.enable()
				.idle(atLeastOneSecond(deadConnectionTimeout.dividedBy(2)))
				.interval(atLeastOneSecond(deadConnectionTimeout.dividedBy(4)))
				.count(3)
				.build());
		// TCP_USER_TIMEOUT needs the native transport; without it only keepalive applies
		if (EpollProvider.isAvailable()) {
			socket.tcpUserTimeout(SocketOptions.TcpUserTimeoutOptions.builder()
				.enable()
				.tcpUserTimeout(deadConnectionTimeout)
				.build());
		}
		return socket.build();
	}

	// keepalive times are whole seconds
	private static Duration atLeastOneSecond(Duration duration) {
		return (duration.toSeconds() < 1) ? Duration.ofSeconds(1) : Duration.ofSeconds(duration.toSeconds());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(LettuceConnectionFactory.class)
	RedisAvailability redisAvailability(LettuceConnectionFactory factory, RedisResilienceProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return new RedisAvailability(factory, properties, meters.getIfAvailable());
	}

}
