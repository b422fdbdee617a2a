package com.appgain.users.token;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are signed and how long they live.
 *
 * @param signingKey PEM PKCS#8 RSA private key ({@code JWT_SIGNING_KEY}); when blank a
 * key is read from (or generated into) {@code keyFile}
 * @param keyId the {@code kid} of the signing key ({@code JWT_KEY_ID}); defaults to its
 * RFC 7638 thumbprint
 * @param previousPublicKeys PEM public keys still accepted and published
 * ({@code JWT_PREVIOUS_PUBLIC_KEYS}), each block optionally preceded by a
 * {@code kid: <id>} line
 * @param keyFile where a generated key is kept between local runs
 * @param generateKey whether a missing signing key may be generated (off in {@code prod})
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 */
@ConfigurationProperties("appgain.users.jwt")
public record JwtProperties(String signingKey, String keyId, String previousPublicKeys,
		@DefaultValue("data/users/jwt-signing-key.pem") Path keyFile, @DefaultValue("true") boolean generateKey,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("14d") Duration refreshTokenTtl) {

}
