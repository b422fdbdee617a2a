package com.appgain.users.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.appgain.common.test.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyLoaderTests {

	@TempDir
	Path directory;

	@Test
	void aGeneratedKeyIsKeptForItsOwnerOnlyAndReusedOnRestart() throws Exception {
		Path file = this.directory.resolve("users/jwt-signing-key.pem");
		SigningKeys first = load(null, null, null, file, true);
		SigningKeys second = load(null, null, null, file, true);
		assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
		assertThat(second.signingKey().toRSAPrivateKey()).isEqualTo(first.signingKey().toRSAPrivateKey());
	}

	@Test
	void theConfiguredKeyIsUsedUnderItsKeyId() throws Exception {
		SigningKeys keys = load(TestKeys.privateKeyPem(), "2025-06", null, this.directory.resolve("unused.pem"), true);
		assertThat(keys.signingKey().getKeyID()).isEqualTo("2025-06");
		assertThat(keys.signingKey().toRSAPublicKey()).isEqualTo(TestKeys.publicKey());
		assertThat(this.directory.resolve("unused.pem")).doesNotExist();
	}

	@Test
	void aKeyWithEscapedNewlinesFromAnEnvironmentVariableIsRead() throws Exception {
		String escaped = TestKeys.privateKeyPem().replace("\n", "\\n");
		assertThat(load(escaped, "k1", null, null, false).signingKey().toRSAPublicKey())
			.isEqualTo(TestKeys.publicKey());
	}

	@Test
	void withoutAKeyIdTheThumbprintIsTheKeyId() throws Exception {
		SigningKeys keys = load(TestKeys.privateKeyPem(), "", null, null, false);
		assertThat(keys.signingKey().getKeyID())
			.isEqualTo(TestKeys.rsaKey().toPublicJWK().computeThumbprint().toString());
	}

	@Test
	void previousKeysArePublishedAfterTheSigningKey() {
		String previous = "kid: 2024-12\n" + Pem.encodePublicKey(newPublicKey()) + "\n"
				+ Pem.encodePublicKey(newPublicKey());
		SigningKeys keys = load(TestKeys.privateKeyPem(), "2025-06", previous, null, false);
		assertThat(keys.verificationKeys()).hasSize(3);
		assertThat(keys.verificationKeys().get(0).getKeyID()).isEqualTo("2025-06");
		assertThat(keys.verificationKeys().get(1).getKeyID()).isEqualTo("2024-12");
		assertThat(keys.verificationKeys()).noneMatch((key) -> key.isPrivate());
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> published = (List<Map<String, Object>>) keys.publicJwkSet().get("keys");
		assertThat(published).hasSize(3).allSatisfy((key) -> assertThat(key).doesNotContainKey("d").containsKey("kid"));
	}

	@Test
	void twoKeysUnderOneKeyIdAreRefused() {
		String previous = "kid: same\n" + Pem.encodePublicKey(newPublicKey());
		assertThatIllegalStateException()
			.isThrownBy(() -> load(TestKeys.privateKeyPem(), "same", previous, null, false))
			.withMessageContaining("same");
	}

	@Test
	void withoutAKeyAndWithoutGenerationStartUpStopsWithAClearMessage() {
		assertThatIllegalStateException()
			.isThrownBy(() -> load(null, null, null, this.directory.resolve("key.pem"), false))
			.withMessageContaining("JWT_SIGNING_KEY");
		assertThat(this.directory.resolve("key.pem")).doesNotExist();
	}

	@Test
	void aKeyThatIsNotPkcs8PemIsRefusedWithAClearMessage() {
		assertThatIllegalStateException()
			.isThrownBy(() -> load("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", null, null,
					null, false))
			.withMessageContaining("PKCS#8");
	}

	private static SigningKeys load(String signingKey, String keyId, String previous, Path file, boolean generate) {
		return new SigningKeyLoader(new JwtProperties(signingKey, keyId, previous, file, generate,
				Duration.ofMinutes(15), Duration.ofDays(14)))
			.load();
	}

	private static RSAPublicKey newPublicKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return (RSAPublicKey) generator.generateKeyPair().getPublic();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
