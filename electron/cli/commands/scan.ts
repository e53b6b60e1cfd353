import type { Command } from 'commander';
import { scanImageFiles } from '../../core/qr';
import { scanJson, scanText } from '../scan-report';
import type { CliContext } from '../context';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('scan')
    .description('Decode the QR codes in PNG or JPEG images and show the accounts they hold, without their secrets unless --reveal (nothing is saved).')
    .argument('<files...>', 'image files')
    .option('--json', 'print one JSON array: [{file, codes, accounts, ms}]')
    .option('--reveal', 'also print the full text of codes that hold secrets (otpauth:// links with their secret)')
    .action(async (files: string[], options: { json?: boolean; reveal?: boolean }) => {
      const scanned = await scanImageFiles(files);
      const report = { reveal: options.reveal === true };
      ctx.io.stdout(options.json ? `${JSON.stringify(scanJson(scanned, report))}\n` : scanText(scanned, report));
    });
}
