#pragma once
// One growing buffer per response; helpers write the nullable members the resource shapes need.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pendientes {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

class JsonOut {
public:
    JsonOut() : writer_(buffer_) {}
    JsonWriter& writer() { return writer_; }
    std::string_view view() const { return {buffer_.GetString(), buffer_.GetSize()}; }
    std::string str() const { return std::string(view()); }

private:
    rapidjson::StringBuffer buffer_;
    JsonWriter writer_;
};

namespace json {
inline void key(JsonWriter& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
inline void str(JsonWriter& w, std::string_view v) { w.String(v.data(), static_cast<rapidjson::SizeType>(v.size())); }
inline void put(JsonWriter& w, std::string_view k, std::string_view v) { key(w, k); str(w, v); }
inline void put(JsonWriter& w, std::string_view k, const char* v) { key(w, k); str(w, v); }
inline void put(JsonWriter& w, std::string_view k, const std::string& v) { key(w, k); str(w, v); }
inline void put(JsonWriter& w, std::string_view k, std::int64_t v) { key(w, k); w.Int64(v); }
inline void put(JsonWriter& w, std::string_view k, int v) { key(w, k); w.Int(v); }
inline void put(JsonWriter& w, std::string_view k, bool v) { key(w, k); w.Bool(v); }
inline void put_null(JsonWriter& w, std::string_view k) { key(w, k); w.Null(); }
inline void put(JsonWriter& w, std::string_view k, const std::optional<std::string>& v) {
    key(w, k);
    if (v) str(w, *v); else w.Null();
}
inline void put(JsonWriter& w, std::string_view k, const std::optional<std::int64_t>& v) {
    key(w, k);
    if (v) w.Int64(*v); else w.Null();
}
}  // namespace json

}  // namespace pendientes
