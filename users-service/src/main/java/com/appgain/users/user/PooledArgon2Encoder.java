package com.appgain.users.user;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

/**
 * Argon2id as Spring Security's {@code Argon2PasswordEncoder} computes it, with Bouncy
 * Castle, and as it writes it ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}, so hashes
 * stored by either verify with the other), except that the 1 KiB blocks each hash fills
 * come from a pool that keeps them (cleared) for the next hash. Allocated afresh, a
 * hash's blocks (19 MiB by default) were promoted by any young collection during the
 * hash, and SerialGC grew the old generation for them: 20 sign-ins took users-service
 * from 290 to 552 MiB. Spring's encoder offers no way to pass the pool, nor its PHC
 * encoding, hence this class.
 */
final class PooledArgon2Encoder extends AbstractValidatingPasswordEncoder {

	// what Argon2EncodingUtils writes; the hash encoded by anything else does not match
	private static final Pattern ENCODED = Pattern
		.compile("\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

	private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

	private final BytesKeyGenerator salts;

	private final int hashBytes;

	private final int parallelism;

	private final int memoryKib;

	private final int iterations;

	private final Argon2BytesGenerator.BlockPool blocks;

	PooledArgon2Encoder(int saltBytes, int hashBytes, int parallelism, int memoryKib, int iterations,
			int concurrentHashes) {
		this.salts = KeyGenerators.secureRandom(saltBytes);
		this.hashBytes = hashBytes;
		this.parallelism = parallelism;
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		this.blocks = new Argon2BytesGenerator.FixedBlockPool(concurrentHashes * memoryKib);
	}

	@Override
	protected String encodeNonNullPassword(String rawPassword) {
		byte[] salt = this.salts.generateKey();
		byte[] hash = hash(rawPassword, salt, this.parallelism, this.memoryKib, this.iterations, this.hashBytes);
		return "$argon2id$v=19$m=" + this.memoryKib + ",t=" + this.iterations + ",p=" + this.parallelism + "$"
				+ BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
	}

	@Override
	protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
		Matcher encoded = ENCODED.matcher(encodedPassword);
		if (!encoded.matches()) {
			return false;
		}
		byte[] expected = Base64.getDecoder().decode(encoded.group(5));
		byte[] actual = hash(rawPassword, Base64.getDecoder().decode(encoded.group(4)),
				Integer.parseInt(encoded.group(3)), Integer.parseInt(encoded.group(1)),
				Integer.parseInt(encoded.group(2)), expected.length);
		return MessageDigest.isEqual(expected, actual);
	}

	private byte[] hash(String rawPassword, byte[] salt, int parallelism, int memoryKib, int iterations, int length) {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(
				new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
					.withSalt(salt)
					.withParallelism(parallelism)
					.withMemoryAsKB(memoryKib)
					.withIterations(iterations)
					.withBlockPool(this.blocks)
					.build());
		byte[] hash = new byte[length];
		generator.generateBytes(rawPassword.toCharArray(), hash);
		return hash;
	}

}
