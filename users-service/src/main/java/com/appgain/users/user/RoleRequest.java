package com.appgain.users.user;

/** Body of {@code PUT /api/users/{user_id}/role}: {@code user} or {@code admin}. */
record RoleRequest(String role) {

}
