// Run as its own process by abuse.test.ts (node --import tsx test/chunked-uploads.ts PORT COUNT BYTES), so the
// cost of writing the uploads does not land on the event loop of the server being measured. Prints JSON.
import { chunkedPost } from "./support.ts";

const [port, count, bytes] = process.argv.slice(2).map(Number);
const results = await Promise.all(Array.from({ length: count! }, () => chunkedPost(port!, bytes!)));
process.stdout.write(JSON.stringify(results));
