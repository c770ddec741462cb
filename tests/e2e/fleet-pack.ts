/** The pack a fleet policy subscribes to in the policy tests (Chromium and Firefox), and its server. */
import { createServer, type Server } from 'node:http';
import { signedPack } from './signing';

const FLEET_PACK = JSON.stringify({
  format: 'huashu-pack/1',
  id: 'fleet-desk',
  name: 'Fleet desk',
  version: '2.0.0',
  locale: 'en',
  entries: [
    {
      id: 'gift-wrap',
      title: 'Gift wrapping',
      questions: ['can you gift wrap it', 'gift wrapping price'],
      keywords: ['gift wrap'],
      replies: [{ text: 'We gift wrap any order for $3.' }],
    },
  ],
});

/**
 * Serves `fleet-desk` at `/packs/fleet-desk.json` on 127.0.0.1 (CORS for everyone), 404 for anything else.
 * `origin` is `http://127.0.0.1:<port>`. `signed`: signed with a new team key by `kpack sign`, the
 * signature at `/packs/fleet-desk.json.sig`, and the public key to pin returned.
 */
export async function serveFleetPack(
  signed = false,
): Promise<{ server: Server; origin: string; packUrl: string; publicKey?: string }> {
  const files = new Map([['/packs/fleet-desk.json', FLEET_PACK]]);
  let publicKey: string | undefined;
  if (signed) {
    const made = signedPack('fleet-desk.json', FLEET_PACK);
    files.set('/packs/fleet-desk.json.sig', made.signature);
    publicKey = made.publicKey;
  }
  const server = createServer((request, response) => {
    const body = files.get(request.url ?? '');
    response.writeHead(body === undefined ? 404 : 200, {
      'content-type': 'text/plain; charset=utf-8',
      'access-control-allow-origin': '*',
    });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { server, origin, packUrl: `${origin}/packs/fleet-desk.json`, ...(publicKey ? { publicKey } : {}) };
}
