package com.appgain.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * The real {@code redis-server} binary shipped in embedded-redis, on the loopback
 * interface. With a folder it keeps an append-only file there, so the data survives a
 * restart; without one nothing is written to disk.
 *
 * @author AppGain
 */
public class EmbeddedRedis implements AutoCloseable {

	private final Path dataDir;

	private RedisServer server;

	private int port;

	/**
	 * Create a server that persists to the given folder.
	 * @param dataDir the folder for the append-only file, created when missing;
	 * {@code null} keeps the data in memory only
	 */
	public EmbeddedRedis(Path dataDir) {
		this.dataDir = dataDir;
	}

	public static EmbeddedRedis inMemory() {
		return new EmbeddedRedis(null);
	}

	/**
	 * Start the server on 127.0.0.1 and wait until it accepts connections.
	 * @param port the port, or 0 for a free one
	 * @return this server
	 * @throws PortInUseException if the port is taken
	 */
	public synchronized EmbeddedRedis start(int port) {
		if (this.server != null) {
			throw new IllegalStateException("redis is already running on port " + this.port);
		}
		Ports.ensureAvailable("redis", port);
		int chosen = (port != 0) ? port : Ports.freePort();
		RedisServer started = build(chosen);
		try {
			started.start();
		}
		catch (IOException ex) {
			if (Ports.isBindFailure(ex)) {
				throw new PortInUseException("redis", chosen);
			}
			throw new UncheckedIOException("redis did not start on port " + chosen + ": " + ex.getMessage(), ex);
		}
		this.server = started;
		this.port = chosen;
		return this;
	}

	private RedisServer build(int port) {
		try {
			RedisServerBuilder builder = RedisServer.newRedisServer()
				.bind(Ports.LOOPBACK)
				.port(port)
				.soutListener(EmbeddedRedis::discard)
				.serrListener(EmbeddedRedis::discard);
			if (this.dataDir == null) {
				return builder.setting("save \"\"").setting("appendonly no").build();
			}
			Path dir = this.dataDir.toAbsolutePath();
			Files.createDirectories(dir);
			// the append-only file alone restores the data: no snapshots
			return builder.setting("dir \"" + dir + "\"")
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				.setting("save \"\"")
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare redis-server: " + ex.getMessage(), ex);
		}
	}

	private static void discard(String line) {
		// redis-server logs to a pipe; left undrained it blocks once the pipe fills
	}

	/**
	 * Stop the server (SIGTERM, so it flushes its append-only file) and wait for it to
	 * exit. Does nothing when not running.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			try {
				this.server.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("redis did not stop: " + ex.getMessage(), ex);
			}
			finally {
				this.server = null;
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port, resolved when started on 0
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("redis is not running");
		}
		return this.port;
	}

	public String uri() {
		return "redis://" + Ports.LOOPBACK + ":" + port();
	}

}
