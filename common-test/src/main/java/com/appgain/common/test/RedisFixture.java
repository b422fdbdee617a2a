package com.appgain.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import redis.embedded.RedisServer;

import com.appgain.devstack.Ports;

/**
 * One Redis for the whole test JVM: a {@code redis:7} container when a Docker engine is
 * reachable, otherwise the {@code redis-server} binary shipped in embedded-redis, bound
 * to 127.0.0.1. Started on first use, stopped when the JVM exits. System property
 * {@code appgain.test.fixtures} (or {@code APPGAIN_TEST_FIXTURES}) set to
 * {@code embedded} or {@code container} forces one kind; {@code container} fails without
 * Docker.
 * <p>
 * {@link #stop()} and {@link #start()} simulate Redis going down and coming back. The
 * address stays the same across a restart: the embedded server reuses its port, and the
 * container is recreated on the same fixed host port. Data does not survive a restart.
 * <p>
 * Spring Boot 4 properties: {@code spring.data.redis.host} and
 * {@code spring.data.redis.port} (or {@code spring.data.redis.url}); see
 * {@link FixtureProperties}.
 */
public final class RedisFixture {

	private static final String IMAGE = "redis:7";

	private static final int REDIS_PORT = 6379;

	private static Server server;

	private RedisFixture() {
	}

	public static String host() {
		return server().host();
	}

	public static int port() {
		return server().port();
	}

	/**
	 * Returns the address as a URI.
	 * @return {@code redis://host:port}
	 */
	public static String uri() {
		return "redis://" + host() + ":" + port();
	}

	public static boolean isContainer() {
		return server() instanceof ContainerServer;
	}

	public static synchronized boolean isRunning() {
		return server().isRunning();
	}

	/**
	 * Stops Redis; clients see connection refused until {@link #start()}.
	 */
	public static synchronized void stop() {
		Server current = server();
		if (current.isRunning()) {
			current.stop();
		}
	}

	/**
	 * Starts Redis again, empty, on the same host and port.
	 */
	public static synchronized void start() {
		Server current = server();
		if (!current.isRunning()) {
			current.start();
		}
	}

	private static synchronized Server server() {
		if (server == null) {
			Server created = Docker.isAvailable() ? new ContainerServer() : new EmbeddedServer();
			created.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				synchronized (RedisFixture.class) {
					if (created.isRunning()) {
						created.stop();
					}
				}
			}, "redis-fixture-shutdown"));
			server = created;
		}
		return server;
	}

	private sealed interface Server permits EmbeddedServer, ContainerServer {

		void start();

		void stop();

		boolean isRunning();

		String host();

		int port();

	}

	private static final class EmbeddedServer implements Server {

		private final int port = Ports.freePort();

		private final RedisServer redis;

		EmbeddedServer() {
			try {
				this.redis = RedisServer.newRedisServer()
					.bind("127.0.0.1")
					.port(this.port)
					// a test Redis must never write snapshots into the shared binary
					// folder
					.setting("save \"\"")
					.setting("appendonly no")
					.build();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot prepare embedded redis-server", ex);
			}
		}

		@Override
		public void start() {
			try {
				this.redis.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start embedded redis-server on port " + this.port, ex);
			}
		}

		@Override
		public void stop() {
			try {
				this.redis.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot stop embedded redis-server", ex);
			}
		}

		@Override
		public boolean isRunning() {
			return this.redis.isActive();
		}

		@Override
		public String host() {
			return "127.0.0.1";
		}

		@Override
		public int port() {
			return this.port;
		}

	}

	private static final class ContainerServer implements Server {

		// fixed so that a restarted container keeps the address clients already hold
		private final int hostPort = Ports.freePort();

		private final String host = DockerClientFactory.instance().dockerHostIpAddress();

		private GenericContainer<?> container;

		@Override
		public void start() {
			GenericContainer<?> created = new GenericContainer<>(IMAGE).withExposedPorts(REDIS_PORT)
				.waitingFor(Wait.forLogMessage("(?s).*Ready to accept connections.*", 1));
			created.setPortBindings(List.of(this.hostPort + ":" + REDIS_PORT));
			created.start();
			this.container = created;
		}

		@Override
		public void stop() {
			this.container.stop();
			this.container = null;
		}

		@Override
		public boolean isRunning() {
			return this.container != null && this.container.isRunning();
		}

		@Override
		public String host() {
			return this.host;
		}

		@Override
		public int port() {
			return this.hostPort;
		}

	}

}
