package com.appgain.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the dev stack listens and keeps its data, read from the environment and
 * overridden by {@code --name=value} arguments.
 *
 * @param dataDir the folder holding {@code mongo.mv} and {@code redis/}
 * @param mongoPort the MongoDB port, 0 for a free one
 * @param redisPort the Redis port, 0 for a free one
 * @author AppGain
 */
public record DevStackSettings(Path dataDir, int mongoPort, int redisPort) {

	public static final String USAGE = """
			usage: java -jar devstack.jar [--data-dir=PATH] [--mongo-port=N] [--redis-port=N]
			  --data-dir    DATA_DIR    folder for mongo.mv and redis/ (default: data)
			  --mongo-port  MONGO_PORT  MongoDB port on 127.0.0.1 (default: 27017, 0 = any free)
			  --redis-port  REDIS_PORT  Redis port on 127.0.0.1 (default: 6379, 0 = any free)""";

	public Path mongoFile() {
		return this.dataDir.resolve("mongo.mv");
	}

	public Path redisDir() {
		return this.dataDir.resolve("redis");
	}

	/**
	 * Read the settings.
	 * @param env the environment
	 * @param args the command line
	 * @return the settings
	 * @throws IllegalArgumentException with a one-line message for a bad value or an
	 * unknown argument
	 */
	public static DevStackSettings from(Map<String, String> env, String... args) {
		String dataDir = env.getOrDefault("DATA_DIR", "data");
		String mongoPort = env.getOrDefault("MONGO_PORT", "27017");
		String redisPort = env.getOrDefault("REDIS_PORT", "6379");
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(0, equals) : arg;
			String value = (equals > 0) ? arg.substring(equals + 1) : "";
			switch (name) {
				case "--data-dir" -> dataDir = value;
				case "--mongo-port" -> mongoPort = value;
				case "--redis-port" -> redisPort = value;
				default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
			}
		}
		if (dataDir.isBlank()) {
			throw new IllegalArgumentException("DATA_DIR must not be empty");
		}
		return new DevStackSettings(Path.of(dataDir), port("MONGO_PORT", mongoPort), port("REDIS_PORT", redisPort));
	}

	private static int port(String name, String value) {
		try {
			int port = Integer.parseInt(value.trim());
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, not '" + value + "'");
	}

}
