#include "auth/field_cipher.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>

#include "auth/base64url.hpp"

namespace pendientes::auth {
namespace {

constexpr std::string_view kPrefix = "v1:";
constexpr int kNonce = 12;
constexpr int kTag = 16;

std::unique_ptr<FieldCipher> g_cipher;

using Ctx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

}  // namespace

FieldCipher::FieldCipher(std::string_view key_material) {
    if (key_material.size() < 32) throw std::invalid_argument("PPPoE key shorter than 32 bytes");
    SHA256(reinterpret_cast<const unsigned char*>(key_material.data()), key_material.size(), key_);
}

FieldCipher::~FieldCipher() { OPENSSL_cleanse(key_, sizeof key_); }

std::string FieldCipher::seal(std::string_view plaintext) const {
    std::string out(kNonce + plaintext.size() + kTag, '\0');
    auto* buf = reinterpret_cast<unsigned char*>(out.data());
    if (RAND_bytes(buf, kNonce) != 1) throw std::runtime_error("no randomness for a nonce");
    Ctx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0, total = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_, buf) != 1 ||
        EVP_EncryptUpdate(ctx.get(), buf + kNonce, &len, reinterpret_cast<const unsigned char*>(plaintext.data()),
                          static_cast<int>(plaintext.size())) != 1)
        throw std::runtime_error("encryption failed");
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), buf + kNonce + total, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, buf + kNonce + plaintext.size()) != 1)
        throw std::runtime_error("encryption failed");
    return std::string(kPrefix) + base64url_encode(out);
}

std::optional<std::string> FieldCipher::open(std::string_view stored) const {
    if (!stored.starts_with(kPrefix)) return std::string(stored);
    auto raw = base64url_decode(stored.substr(kPrefix.size()));
    if (!raw || raw->size() < static_cast<std::size_t>(kNonce + kTag)) return std::nullopt;
    auto* buf = reinterpret_cast<unsigned char*>(raw->data());
    const int ct_len = static_cast<int>(raw->size()) - kNonce - kTag;
    std::string plain(static_cast<std::size_t>(ct_len), '\0');
    Ctx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_, buf) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len, buf + kNonce, ct_len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, buf + kNonce + ct_len) != 1)
        return std::nullopt;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len, &len) != 1)
        return std::nullopt;
    return plain;
}

void install_field_cipher(std::unique_ptr<FieldCipher> cipher) { g_cipher = std::move(cipher); }

const FieldCipher& field_cipher() {
    if (!g_cipher) throw std::logic_error("PENDIENTES_PPPOE_KEY_FILE was not loaded");
    return *g_cipher;
}

}  // namespace pendientes::auth
