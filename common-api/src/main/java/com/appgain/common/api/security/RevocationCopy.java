package com.appgain.common.api.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription.Message;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * This process's copy of the Redis denylist, so checking a token costs no round trip. It
 * subscribes to the revocations channel first, then loads every revocation key, and only
 * then answers ({@link #isLive()}); each entry expires with its key. When the connection
 * drops it stops answering until it is back and reloaded, and the denylist's own Redis
 * calls are suspended until Redis answers a probe (checks fail open meanwhile, as in any
 * Redis outage) rather than each waiting on a connection that may be dead; a full reload
 * every {@code resyncInterval} bounds what a message lost during a reconnect could miss.
 */
public class RevocationCopy implements SmartInitializingSingleton, DisposableBean {

	static final String CHANNEL = "auth:revocations";

	private static final Log logger = LogFactory.getLog(RevocationCopy.class);

	private static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final ClientResources clientResources;

	private final Duration resyncInterval;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Disposable.Composite running = Disposables.composite();

	private volatile boolean live;

	private volatile boolean subscribed;

	private volatile long lastLoadMillis;

	private final AtomicBoolean retrying = new AtomicBoolean();

	// one warning per outage: the tries every RETRY_INTERVAL that fail too log at debug
	private volatile boolean outageReported;

	private volatile ReactiveRedisMessageListenerContainer container;

	private volatile Runnable whenPaused = () -> {
	};

	public RevocationCopy(ReactiveRedisConnectionFactory connectionFactory, ClientResources clientResources,
			Duration resyncInterval) {
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.clientResources = clientResources;
		this.resyncInterval = resyncInterval;
	}

	/** Whether the copy is complete and current, so it may answer alone. */
	public boolean isLive() {
		return this.live;
	}

	/**
	 * Runs when a live copy stops answering: the connection it was kept current over is
	 * gone, and so, most likely, is Redis.
	 */
	void whenPaused(Runnable action) {
		this.whenPaused = action;
	}

	/** The value of a revocation key, or null if there is none (or it has expired). */
	String get(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (entry.expiresAtMillis() <= System.currentTimeMillis()) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry.value();
	}

	/** Records a revocation; the message published for it carries the same. */
	void put(String key, String value, Duration ttl) {
		this.entries.put(key, new Entry(value, System.currentTimeMillis() + ttl.toMillis()));
	}

	static String message(String key, String value, Duration ttl) {
		return key + " " + ttl.toMillis() + " " + value;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.clientResources != null) {
			this.running.add(this.clientResources.eventBus().get().subscribe(this::onConnectionEvent));
		}
		// expired entries go, a paused copy is reloaded, and a live one resynchronised
		this.running.add(Flux.interval(RETRY_INTERVAL, RETRY_INTERVAL, Schedulers.parallel())
			.doOnNext((tick) -> sweep())
			.filter((tick) -> this.subscribed && (!this.live
					|| System.currentTimeMillis() - this.lastLoadMillis > this.resyncInterval.toMillis()))
			.concatMap((tick) -> reload().onErrorResume((ex) -> Mono.empty()))
			.subscribe());
		subscribe();
	}

	private void subscribe() {
		this.retrying.set(false);
		this.running.add(container().flatMap((container) -> container.receiveLater(ChannelTopic.of(CHANNEL)))
			.doOnNext((messages) -> this.running.add(messages.subscribe(this::apply, this::lost)))
			.doOnNext((messages) -> this.subscribed = true)
			// a failed load is retried by the periodic tick
			.then(Mono.defer(this::reload).onErrorResume((ex) -> Mono.empty()))
			.subscribe(null, this::lost));
	}

	// made off the event loop: the container opens a connection
	private Mono<ReactiveRedisMessageListenerContainer> container() {
		return Mono.fromCallable(() -> {
			if (this.container == null) {
				this.container = new ReactiveRedisMessageListenerContainer(this.connectionFactory);
			}
			return this.container;
		}).subscribeOn(Schedulers.boundedElastic());
	}

	// Every template call here starts on boundedElastic: the template asks the factory
	// for its shared connection under the factory's lock, and while RedisAvailability
	// opens that connection it holds the lock and waits for Lettuce's event loop to
	// finish the handshake. From a pub/sub callback or a scan result on that event loop,
	// the wait was a deadlock; on a parallel thread, it stalled every Reactor timer of
	// that thread (retry back-offs, response timeouts).
	private Mono<Void> reload() {
		return this.redis.scan(ScanOptions.scanOptions().match(TokenDenylist.PREFIX + "*").count(1000).build())
			.publishOn(Schedulers.boundedElastic())
			.flatMap((key) -> Mono.zip(this.redis.opsForValue().get(key), this.redis.getExpire(key))
				.doOnNext((found) -> put(key, found.getT1(), positive(found.getT2()))), 16)
			.then(Mono.<Void>fromRunnable(() -> {
				this.lastLoadMillis = System.currentTimeMillis();
				if (!this.live) {
					logger.info("Local token denylist loaded: " + this.entries.size() + " revocations");
				}
				this.live = true;
				this.outageReported = false;
			}))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private void onConnectionEvent(Object event) {
		if (event instanceof ConnectionDeactivatedEvent) {
			pause();
		}
		else if (event instanceof ConnectionActivatedEvent && this.subscribed) {
			this.running.add(reload().onErrorResume((ex) -> Mono.empty()).subscribe());
		}
	}

	private void apply(Message<String, String> message) {
		String[] parts = message.getMessage().split(" ", 3);
		try {
			if (parts.length == 3 && parts[0].startsWith(TokenDenylist.PREFIX)) {
				put(parts[0], parts[2], Duration.ofMillis(Long.parseLong(parts[1])));
			}
		}
		catch (NumberFormatException ex) {
			logger.warn("Ignored a malformed revocation message");
		}
	}

	private void lost(Throwable ex) {
		pause();
		this.subscribed = false;
		// a container whose connection failed keeps failing: the next attempt makes a new
		// one
		ReactiveRedisMessageListenerContainer failed = this.container;
		this.container = null;
		if (failed != null) {
			this.running.add(failed.destroyLater().onErrorResume((error) -> Mono.empty()).subscribe());
		}
		if (this.retrying.compareAndSet(false, true)) {
			String paused = "Local token denylist paused, revocations are checked in Redis: " + ex.getMessage();
			if (!this.outageReported) {
				this.outageReported = true;
				logger.warn(paused);
			}
			else {
				logger.debug(paused);
			}
			this.running.add(Mono.delay(RETRY_INTERVAL).subscribe((tick) -> subscribe()));
		}
	}

	private void pause() {
		boolean wasLive = this.live;
		this.live = false;
		if (wasLive) {
			this.whenPaused.run();
		}
	}

	private void sweep() {
		long now = System.currentTimeMillis();
		this.entries.values().removeIf((entry) -> entry.expiresAtMillis() <= now);
	}

	// a key without an expiry (never written so) is kept for a day
	private static Duration positive(Duration ttl) {
		return (ttl == null || ttl.isNegative() || ttl.isZero()) ? Duration.ofDays(1) : ttl;
	}

	@Override
	public void destroy() {
		this.live = false;
		this.running.dispose();
		if (this.container != null) {
			this.container.destroy();
		}
	}

	private record Entry(String value, long expiresAtMillis) {
	}

}
