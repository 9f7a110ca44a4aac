#pragma once
// A value or an ApiError: validation and repositories return these; the edge turns errors into envelopes.
#include <utility>
#include <variant>

#include "common/api_error.hpp"

namespace pendientes {

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(ApiError error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& operator*() { return std::get<0>(v_); }
    const T& operator*() const { return std::get<0>(v_); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    ApiError& error() { return std::get<1>(v_); }
    const ApiError& error() const { return std::get<1>(v_); }

private:
    std::variant<T, ApiError> v_;
};

// For operations that produce nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status ok() { return Done{}; }

}  // namespace pendientes
