// Signs tokens the way Zoom's Node.js samples do, for tests/zoom_jsrsasign.rs.
//
// Reads a JSON array of cases {"secret": string, "header": string, "payload": string} on
// standard input, header and payload being JSON texts (parsed here, so that their member
// order is the one written), and prints one token per case, one per line. Each token is made
// with the seed page's exact code shape: both objects through JSON.stringify, then
// KJUR.jws.JWS.sign("HS256", sHeader, sPayload, secret) with the secret as a plain string.
const KJUR = require("jsrsasign");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  for (const { secret, header, payload } of JSON.parse(input)) {
    const oHeader = JSON.parse(header);
    const oPayload = JSON.parse(payload);
    const sHeader = JSON.stringify(oHeader);
    const sPayload = JSON.stringify(oPayload);
    const token = KJUR.jws.JWS.sign("HS256", sHeader, sPayload, secret);
    process.stdout.write(token + "\n");
  }
});
