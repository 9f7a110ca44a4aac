#pragma once
#include "fcgi/context.hpp"
#include "fcgi/response.hpp"

namespace pendientes::handlers {

Response health_live(Context& ctx);
Response health_ready(Context& ctx);

}  // namespace pendientes::handlers

namespace pendientes::handlers {

Response pool_status(Context& ctx);   // status.cpp
Response pool_metrics(Context& ctx);  // status.cpp

}  // namespace pendientes::handlers
