package com.appgain.common.test;

import org.testcontainers.mongodb.MongoDBContainer;

import com.appgain.devstack.EmbeddedMongo;

/**
 * One MongoDB for the whole test JVM: a {@code mongo:7} container when a Docker engine is
 * reachable, otherwise devstack's in-process {@link EmbeddedMongo} (in memory) on
 * 127.0.0.1 and a random port. Started on first use, stopped when the JVM exits. System
 * property {@code appgain.test.fixtures} (or {@code APPGAIN_TEST_FIXTURES}) set to
 * {@code embedded} or {@code container} forces one kind; {@code container} fails without
 * Docker.
 * <p>
 * In Spring Boot 4 the connection properties are {@code spring.mongodb.uri} and
 * {@code spring.mongodb.database}; the Boot 3 names {@code spring.data.mongodb.uri} /
 * {@code spring.data.mongodb.database} are no longer bound. {@link FixtureProperties}
 * sets them. Each test class should use its own database name, since the server is
 * shared.
 */
public final class MongoFixture {

	private static final String IMAGE = "mongo:7";

	private static final int MONGO_PORT = 27017;

	private static Server server;

	private MongoFixture() {
	}

	/**
	 * Returns the connection string, without a database: {@code mongodb://host:port/}.
	 * @return the connection string; append a database name or set
	 * {@code spring.mongodb.database}
	 */
	public static String uri() {
		return server().uri();
	}

	/**
	 * Returns whether the server is a real {@code mongo} container.
	 * @return {@code true} for a container, {@code false} for the in-process server
	 */
	public static boolean isContainer() {
		return server().container();
	}

	private static synchronized Server server() {
		if (server == null) {
			Server started = Docker.isAvailable() ? startContainer() : startEmbedded();
			Runtime.getRuntime().addShutdownHook(new Thread(started.stop(), "mongo-fixture-shutdown"));
			server = started;
		}
		return server;
	}

	private static Server startContainer() {
		MongoDBContainer container = new MongoDBContainer(IMAGE);
		container.start();
		String uri = "mongodb://" + container.getHost() + ":" + container.getMappedPort(MONGO_PORT) + "/";
		return new Server(uri, true, container::stop);
	}

	private static Server startEmbedded() {
		EmbeddedMongo mongo = EmbeddedMongo.inMemory().start(0);
		return new Server(mongo.connectionString() + "/", false, mongo::stop);
	}

	private record Server(String uri, boolean container, Runnable stop) {

	}

}
