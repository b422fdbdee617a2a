package com.appgain.users.user;

/**
 * Body of {@code PUT /api/users/{user_id}/status}: {@code active} or {@code disabled}.
 */
record StatusRequest(String status) {

}
