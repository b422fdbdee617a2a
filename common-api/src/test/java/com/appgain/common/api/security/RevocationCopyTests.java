package com.appgain.common.api.security;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.appgain.common.api.redis.FreezableRedis;
import com.appgain.common.api.redis.RedisAvailability;
import com.appgain.common.api.redis.RedisClientAutoConfiguration;
import com.appgain.common.test.RedisFixture;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two separate contexts on one real Redis, as two processes would be: a revocation made
 * in one is refused by the other within a second, and while its copy is live the other
 * checks tokens without sending Redis a single command.
 */
class RevocationCopyTests {

	private final ApplicationContextRunner process = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisClientAutoConfiguration.class,
				TokenRevocationAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		// durations in @Value, as a Spring Boot application converts them
		.withInitializer((context) -> context.getBeanFactory()
			.setConversionService(ApplicationConversionService.getSharedInstance()))
		.withPropertyValues("spring.data.redis.url=" + RedisFixture.uri(), "spring.data.redis.timeout=5s",
				"appgain.security.revocation-copy.enabled=true");

	@Test
	void aRevocationInOneProcessIsRefusedInAnotherWithinASecond() {
		this.process.run((writer) -> this.process.run((reader) -> {
			awaitLive(reader);
			Jwt token = token("user-" + UUID.randomUUID(), "session-" + UUID.randomUUID());
			assertThat(denylist(reader).isRevoked(token).block()).isFalse();
			denylist(writer).revoke(token.getId(), token.getExpiresAt()).block();
			Awaitility.await()
				.atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> denylist(reader).isRevoked(token).block());
		}));
	}

	@Test
	void sessionAndUserRevocationsReachTheOtherProcessToo() {
		this.process.run((writer) -> this.process.run((reader) -> {
			awaitLive(reader);
			Jwt ofSession = token("user-" + UUID.randomUUID(), "session-" + UUID.randomUUID());
			Jwt ofUser = token("user-" + UUID.randomUUID(), "session-" + UUID.randomUUID());
			denylist(writer).revokeSessions(List.of(ofSession.getClaimAsString("sid"))).block();
			denylist(writer).revokeAllOf(ofUser.getSubject()).block();
			Awaitility.await()
				.atMost(Duration.ofSeconds(1))
				.until(() -> denylist(reader).isRevoked(ofSession).block()
						&& denylist(reader).isRevoked(ofUser).block());
		}));
	}

	@Test
	void revocationsMadeBeforeAProcessStartsAreLoadedWithItsCopy() {
		this.process.run((writer) -> {
			Jwt token = token("user-" + UUID.randomUUID(), "session-" + UUID.randomUUID());
			denylist(writer).revoke(token.getId(), token.getExpiresAt()).block();
			this.process.run((reader) -> {
				awaitLive(reader);
				assertThat(denylist(reader).isRevoked(token).block()).isTrue();
			});
		});
	}

	@Test
	void aLiveCopyAnswersWithoutARoundTrip() {
		this.process.run((reader) -> {
			awaitLive(reader);
			long before = lookups(reader);
			for (int i = 0; i < 100; i++) {
				denylist(reader).isRevoked(token("user-" + i, "session-" + i)).block();
			}
			assertThat(lookups(reader)).isEqualTo(before);
		});
	}

	@Test
	void whenRedisGoesTheCopyPausesAndChecksFailOpenAtOnceInsteadOfWaitingOnTheConnection() throws Exception {
		try (FreezableRedis redis = FreezableRedis.start()) {
			this.process.withPropertyValues("spring.data.redis.url=" + redis.url()).run((reader) -> {
				awaitLive(reader);
				RedisAvailability availability = reader.getBean(RedisAvailability.class);
				assertThat(availability.isAvailable("revocation")).isTrue();
				redis.close();
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.until(() -> !reader.getBean(RevocationCopy.class).isLive());
				assertThat(availability.isAvailable("revocation")).as("the revocation client suspended").isFalse();
				long started = System.nanoTime();
				assertThat(denylist(reader).isRevoked(token("user", "session")).block()).isFalse();
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
			});
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRedisThatIsNotThereIsReportedOnceNotAtEveryTry(CapturedOutput output) throws Exception {
		int nothingListens;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			nothingListens = socket.getLocalPort();
		}
		this.process.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + nothingListens).run((context) -> {
			Thread.sleep(5_000); // the copy tries every 2 s
			assertThat(context.getBean(RevocationCopy.class).isLive()).isFalse();
			assertThat(output.getAll().split("Local token denylist paused", -1)).as("warnings of the outage")
				.hasSize(2);
		});
	}

	/**
	 * The copy loads once subscribed, and Lettuce signals the subscription on its event
	 * loop. Asking the factory for its shared connection takes the factory's lock, which
	 * RedisAvailability holds while it opens that connection and waits for the event loop
	 * to finish the handshake: from the event loop, that was a deadlock (a gateway of the
	 * fault tests hung so, its parallel threads stuck behind the same lock, and every
	 * Reactor timer of those threads with them).
	 */
	@Test
	void theCopyAsksForConnectionsOnlyOnThreadsThatMayWait() {
		ClientResources resources = ClientResources.create();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisFixture.host(), RedisFixture.port()),
				LettuceClientConfiguration.builder().clientResources(resources).build());
		factory.afterPropertiesSet();
		factory.start();
		Set<String> askedOn = ConcurrentHashMap.newKeySet();
		ReactiveRedisConnectionFactory recording = new ReactiveRedisConnectionFactory() {

			@Override
			public ReactiveRedisConnection getReactiveConnection() {
				askedOn.add(Thread.currentThread().getName());
				return factory.getReactiveConnection();
			}

			@Override
			public ReactiveRedisClusterConnection getReactiveClusterConnection() {
				askedOn.add(Thread.currentThread().getName());
				return factory.getReactiveClusterConnection();
			}

			@Override
			public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
				return factory.translateExceptionIfPossible(ex);
			}

		};
		RevocationCopy copy = new RevocationCopy(recording, resources, Duration.ofMinutes(1));
		try {
			copy.afterSingletonsInstantiated();
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(copy::isLive);
			assertThat(askedOn).isNotEmpty().allMatch((thread) -> thread.startsWith("boundedElastic-"));
		}
		finally {
			copy.destroy();
			factory.destroy();
			resources.shutdown(0, 1, TimeUnit.SECONDS);
		}
	}

	private static void awaitLive(AssertableApplicationContext context) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> context.getBean(RevocationCopy.class).isLive());
	}

	private static TokenDenylist denylist(AssertableApplicationContext context) {
		return context.getBean(TokenDenylist.class);
	}

	// MGETs (the remote check) this Redis server has answered, from any client
	private static long lookups(AssertableApplicationContext context) {
		return context.getBean(ReactiveRedisConnectionFactory.class)
			.getReactiveConnection()
			.serverCommands()
			.info("commandstats")
			.map((stats) -> stats.getProperty("cmdstat_mget", "calls=0,"))
			.map((mget) -> Long.parseLong(mget.substring("calls=".length(), mget.indexOf(','))))
			.block(Duration.ofSeconds(5));
	}

	private static Jwt token(String subject, String session) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject(subject)
			.jti(UUID.randomUUID().toString())
			.claim("sid", session)
			.issuedAt(now.minusSeconds(5))
			.expiresAt(now.plusSeconds(600))
			.build();
	}

}
