// Every service's description from the registry; the token entered once in Authorize is
// kept while switching between services (same "bearer" scheme name in each description).
window.ui = SwaggerUIBundle({
  configUrl: '/docs/swagger-config',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  persistAuthorization: true,
  tryItOutEnabled: false,
  displayRequestDuration: true
});
