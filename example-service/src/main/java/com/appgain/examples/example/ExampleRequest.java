package com.appgain.examples.example;

/**
 * A create, replace or patch body, already checked against
 * {@code schemas/examples/*.json}: a {@code null} field was not sent.
 *
 * @param name the new name
 * @param description the new description
 * @param status {@code active} or {@code inactive}
 */
record ExampleRequest(String name, String description, String status) {

}
