package com.appgain.users.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds the signing key: from configuration (a Kubernetes secret in production), else
 * from the local key file, else (outside {@code prod}) a new key pair written to that
 * file, readable by its owner only, so local restarts keep tokens valid.
 */
final class SigningKeyLoader {

	static final String MISSING_KEY_MESSAGE = "No JWT signing key: set JWT_SIGNING_KEY to a PEM PKCS#8 RSA private key "
			+ "(and JWT_KEY_ID to its kid). Generating a key is switched off in this profile "
			+ "(appgain.users.jwt.generate-key=false)";

	private static final Log logger = LogFactory.getLog(SigningKeyLoader.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final JwtProperties properties;

	SigningKeyLoader(JwtProperties properties) {
		this.properties = properties;
	}

	SigningKeys load() {
		List<Pem.KeyedPublicKey> previous = hasText(this.properties.previousPublicKeys())
				? Pem.publicKeys(this.properties.previousPublicKeys()) : List.of();
		return SigningKeys.of(privateKey(), this.properties.keyId(), previous);
	}

	private RSAPrivateCrtKey privateKey() {
		if (hasText(this.properties.signingKey())) {
			return Pem.privateKey(this.properties.signingKey());
		}
		if (!this.properties.generateKey()) {
			throw new IllegalStateException(MISSING_KEY_MESSAGE);
		}
		return readOrGenerate(this.properties.keyFile());
	}

	private static RSAPrivateCrtKey readOrGenerate(Path file) {
		try {
			if (!Files.exists(file)) {
				write(file, Pem.encodePrivateKey(generate()));
			}
			return Pem.privateKey(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the JWT key file " + file, ex);
		}
	}

	private static void write(Path file, String pem) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "jwt-signing-key", ".tmp", ownerOnly());
		try {
			Files.writeString(temporary, pem);
			Files.move(temporary, file);
			logger.info("Generated a JWT signing key in " + file);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance generated it first: use theirs
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static FileAttribute<?>[] ownerOnly() {
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new FileAttribute<?>[0];
	}

	private static RSAPrivateCrtKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
