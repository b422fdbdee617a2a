package com.appgain.users.auth;

import com.appgain.users.token.AccessTokens.AccessToken;
import com.appgain.users.token.RefreshTokens.IssuedRefreshToken;
import com.appgain.users.user.User;

/** What a login or a refresh hands the client: a token pair for the user. */
record Session(User user, AccessToken accessToken, IssuedRefreshToken refreshToken) {

}
