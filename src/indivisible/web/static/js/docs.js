"use strict";
// The /docs page: Swagger UI (served by this server from the swagger-ui-bundle package)
// over this server's OpenAPI schema. No validator badge: it would call an outside host.

window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
