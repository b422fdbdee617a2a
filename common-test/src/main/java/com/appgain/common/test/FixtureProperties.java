package com.appgain.common.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot 4 test context at the shared fixtures:
 *
 * <pre class="code">
 * &#64;DynamicPropertySource
 * static void fixtures(DynamicPropertyRegistry registry) {
 * 	FixtureProperties.register(registry, "examples");
 * 	FixtureProperties.registerTestKey(registry);
 * }
 * </pre>
 *
 * Values are suppliers, so nothing starts until the context reads them.
 */
public final class FixtureProperties {

	/** Boot 4 name; {@code spring.data.mongodb.uri} is no longer bound. */
	public static final String MONGODB_URI = "spring.mongodb.uri";

	public static final String REDIS_URL = "spring.data.redis.url";

	/** Boot 4 name; {@code spring.data.mongodb.database} is no longer bound. */
	public static final String MONGODB_DATABASE = "spring.mongodb.database";

	public static final String REDIS_HOST = "spring.data.redis.host";

	public static final String REDIS_PORT = "spring.data.redis.port";

	public static final String PUBLIC_KEY = "appgain.security.public-key";

	private FixtureProperties() {
	}

	/**
	 * Registers MongoDB (with the given database) and Redis.
	 * @param registry the test's property registry
	 * @param database the database this test owns on the shared server
	 */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registerMongo(registry, database);
		registerRedis(registry);
	}

	public static void registerMongo(DynamicPropertyRegistry registry, String database) {
		registry.add(MONGODB_URI, () -> MongoFixture.uri() + database);
		registry.add(MONGODB_DATABASE, () -> database);
	}

	public static void registerRedis(DynamicPropertyRegistry registry) {
		registry.add(REDIS_HOST, RedisFixture::host);
		registry.add(REDIS_PORT, RedisFixture::port);
		// a service's configuration sets the URL, which wins over host and port
		registry.add(REDIS_URL, RedisFixture::uri);
	}

	/**
	 * Makes the service verify tokens with {@link TestKeys} instead of fetching a JWKS.
	 * The issuer and audience defaults of {@code appgain.security} already match
	 * {@link TestTokens}.
	 * @param registry the test's property registry
	 */
	public static void registerTestKey(DynamicPropertyRegistry registry) {
		registry.add(PUBLIC_KEY, TestKeys::publicKeyPem);
	}

}
