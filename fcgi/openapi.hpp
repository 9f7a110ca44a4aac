#pragma once
// OpenAPI 3.1 generated from the route table (STYLE.md: the table and the document cannot drift).
#include <string>
#include <string_view>

#include "fcgi/context.hpp"
#include "fcgi/response.hpp"

namespace pendientes {

const std::string& openapi_document();
std::string_view openapi_component_schemas();

namespace handlers {
Response openapi(Context& ctx);  // GET /api/openapi.json, no token
}

}  // namespace pendientes
