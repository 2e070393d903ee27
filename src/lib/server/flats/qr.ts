import QRCode from 'qrcode';

/** An SVG QR code for a URL: sharp on paper at any size, no image request. */
export function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
