#pragma once
// AES-256-GCM for secrets stored in the database (PPPoE passwords, issue 6). Stored form:
// "v1:" + base64url(nonce[12] | ciphertext | tag[16]); anything without the prefix is a legacy
// plaintext value (rows migrated from the Java service) and is returned as is.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pendientes::auth {

class FieldCipher {
public:
    // `key_material`: the key file's content (≥ 32 bytes); the AES key is its SHA-256.
    explicit FieldCipher(std::string_view key_material);
    ~FieldCipher();
    FieldCipher(const FieldCipher&) = delete;
    FieldCipher& operator=(const FieldCipher&) = delete;

    std::string seal(std::string_view plaintext) const;
    // nullopt when the value was sealed with another key or tampered with.
    std::optional<std::string> open(std::string_view stored) const;

private:
    unsigned char key_[32];
};

// The process's cipher, installed once at start-up before any worker thread exists.
void install_field_cipher(std::unique_ptr<FieldCipher> cipher);
const FieldCipher& field_cipher();  // throws std::logic_error if none was installed

}  // namespace pendientes::auth
