-- PPPoE passwords are stored AES-256-GCM sealed ("v1:" + base64url of nonce|ciphertext|tag):
-- 50 code points of 4 bytes seal to 307 characters, so the columns grow to 512.
ALTER TABLE pendientes_traslados MODIFY ppoe_password VARCHAR(512) NULL;
ALTER TABLE pendientes_instalaciones_internet MODIFY ppoe_password VARCHAR(512) NULL;
ALTER TABLE pendientes_averias MODIFY ppoe_password VARCHAR(512) NULL;
