package com.appgain.common.api.redis;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Whether the shared Redis connection exists. Spring Data opens it synchronously on first
 * use, which would block an event-loop thread, so it is opened at start-up and, while
 * Redis is unreachable, retried in the background; callers check {@link #isConnected()}
 * and degrade instead of connecting themselves. Once open, Lettuce reconnects it on its
 * own after an outage.
 */
public class RedisAvailability implements SmartInitializingSingleton, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisAvailability.class);

	private final LettuceConnectionFactory factory;

	private final Duration retryInterval;

	private volatile boolean connected;

	private Disposable retries;

	public RedisAvailability(LettuceConnectionFactory factory, Duration retryInterval) {
		this.factory = factory;
		this.retryInterval = retryInterval;
	}

	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!tryConnect()) {
			logger.warn("Redis is not reachable at start-up; features that use it degrade until it is");
			this.retries = Flux.interval(this.retryInterval, Schedulers.boundedElastic())
				.map((tick) -> tryConnect())
				.takeUntil(Boolean::booleanValue)
				.subscribe();
		}
	}

	private boolean tryConnect() {
		try {
			this.factory.initConnection();
			this.connected = true;
			logger.info("Redis connection open");
		}
		catch (RuntimeException ex) {
			this.connected = false;
		}
		return this.connected;
	}

	@Override
	public void destroy() {
		if (this.retries != null) {
			this.retries.dispose();
		}
	}

}
