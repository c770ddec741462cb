/** The pack a fleet policy subscribes to in the policy tests (Chromium and Firefox), and its server. */
import { createServer, type Server } from 'node:http';

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
 * `origin` is `http://127.0.0.1:<port>`.
 */
export async function serveFleetPack(): Promise<{ server: Server; origin: string; packUrl: string }> {
  const server = createServer((request, response) => {
    const found = request.url === '/packs/fleet-desk.json';
    response.writeHead(found ? 200 : 404, {
      'content-type': found ? 'application/json; charset=utf-8' : 'text/plain',
      'access-control-allow-origin': '*',
    });
    response.end(found ? FLEET_PACK : 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { server, origin, packUrl: `${origin}/packs/fleet-desk.json` };
}
