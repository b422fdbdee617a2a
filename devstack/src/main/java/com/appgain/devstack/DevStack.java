package com.appgain.devstack;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded MongoDB-compatible server and Redis for local runs, until SIGTERM or
 * SIGINT.
 *
 * @author AppGain
 */
public final class DevStack implements AutoCloseable {

	static final int EXIT_STARTUP_FAILED = 1;

	static final int EXIT_BAD_SETTINGS = 2;

	private final DevStackSettings settings;

	private final EmbeddedMongo mongo;

	private final EmbeddedRedis redis;

	public DevStack(DevStackSettings settings) {
		this.settings = settings;
		this.mongo = new EmbeddedMongo(settings.mongoFile());
		this.redis = new EmbeddedRedis(settings.redisDir());
	}

	/**
	 * Start both servers, or neither.
	 * @return this stack
	 * @throws PortInUseException if a port is taken
	 */
	public DevStack start() {
		// Both ports are checked first so that a clash never leaves a half-started stack
		Ports.ensureAvailable("mongodb", this.settings.mongoPort());
		Ports.ensureAvailable("redis", this.settings.redisPort());
		this.mongo.start(this.settings.mongoPort());
		try {
			this.redis.start(this.settings.redisPort());
		}
		catch (RuntimeException ex) {
			this.mongo.stop();
			throw ex;
		}
		return this;
	}

	public void stop() {
		try {
			this.redis.stop();
		}
		finally {
			this.mongo.stop();
		}
	}

	@Override
	public void close() {
		stop();
	}

	public EmbeddedMongo mongo() {
		return this.mongo;
	}

	public EmbeddedRedis redis() {
		return this.redis;
	}

	public String readyLine() {
		return "devstack ready: " + this.mongo.connectionString() + " " + this.redis.uri();
	}

	public static void main(String[] args) throws InterruptedException {
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			System.out.println(DevStackSettings.USAGE);
			return;
		}
		DevStack stack;
		try {
			stack = new DevStack(DevStackSettings.from(System.getenv(), args));
		}
		catch (IllegalArgumentException ex) {
			fail(EXIT_BAD_SETTINGS, ex.getMessage() + System.lineSeparator() + DevStackSettings.USAGE);
			return;
		}
		try {
			stack.start();
		}
		catch (PortInUseException ex) {
			fail(EXIT_BAD_SETTINGS, ex.getMessage() + "; stop what uses it or set "
					+ (ex.service().equals("redis") ? "REDIS_PORT" : "MONGO_PORT"));
			return;
		}
		catch (RuntimeException ex) {
			fail(EXIT_STARTUP_FAILED, "could not start: " + ex.getMessage());
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stack.stop();
			System.out.println("devstack stopped");
		}, "devstack-shutdown"));
		System.out.println(stack.readyLine());
		new CountDownLatch(1).await();
	}

	private static void fail(int status, String message) {
		System.err.println("devstack: " + message);
		System.exit(status);
	}

}
