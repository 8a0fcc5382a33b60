/**
 * @module diagnose/signatures/docker_socket_permission
 * The client may not talk to the Docker daemon: `permission denied while trying to connect to the
 * Docker daemon socket at unix:///var/run/docker.sock`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const dockerSocketPermission = definePatternSignature({
  id: 'docker_socket_permission',
  title: 'No permission to use the Docker daemon socket',
  patterns: [
    /permission denied while trying to connect to the (?:Docker daemon socket|docker API)/i,
    /dial unix [^\s:]{1,200}docker\.sock: connect: permission denied/,
    /operation not permitted[^\n]{0,100}docker\.sock|docker\.sock[^\n]{0,100}(?:permission denied|operation not permitted)/,
  ],
  confidence: 0.95,
  summary: () =>
    'The user running docker may not open the daemon socket (/var/run/docker.sock). Add the user to the docker group, use rootless Docker, or run the build with the right permissions.',
  fixes: () => [
    fix.command('sudo usermod -aG docker "$USER" && newgrp docker', 'give your user access to the socket'),
    fix.command('ls -l /var/run/docker.sock', 'check the socket owner and group (CI: mount it into the job container with the right group)'),
  ],
});
