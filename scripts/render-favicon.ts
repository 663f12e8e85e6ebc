/**
 * Renders public/favicon.ico from public/logo.svg (16, 32 and 48 px, PNG inside the ICO) with the Chromium the
 * browser tests use. Run after changing the logo: npx tsx scripts/render-favicon.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SIZES = [16, 32, 48];

async function main() {
  const svg = readFileSync('public/logo.svg', 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const images: Buffer[] = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
    images.push(await page.screenshot({ omitBackground: true }));
    await page.close();
  }
  await browser.close();

  // ICONDIR, then one ICONDIRENTRY per image, then the PNGs themselves.
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(SIZES[i]! % 256, entry);
    header.writeUInt8(SIZES[i]! % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  writeFileSync('public/favicon.ico', Buffer.concat([header, ...images]));
  console.log(`public/favicon.ico: ${SIZES.join(', ')} px, ${offset} bytes`);
}

void main();
