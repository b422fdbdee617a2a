package ${package}.${featurePackage};

/**
 * A create or patch body, already checked against {@code schemas/${serviceName}/*.json}: a
 * {@code null} field was not sent.
 *
 * @param name the name
 * @param description the description
 * @param status {@code active} or {@code inactive}
 */
record ${Entity}Request(String name, String description, String status) {

}
