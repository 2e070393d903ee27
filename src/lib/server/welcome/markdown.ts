import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * What a welcome text may contain: paragraphs, line breaks, bold and italic, lists, links and
 * two levels of heading. No images, no code, no tables: a verbinder writes a letter, not a site.
 */
export const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3'] as const;

const SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;
const REL = 'noopener noreferrer nofollow';

/** A link target we follow: an absolute http(s), mailto or tel address, nothing relative. */
function safeHref(href: string | undefined): string | null {
	if (!href) return null;
	try {
		const protocol = new URL(href).protocol.slice(0, -1).toLowerCase();
		return (SCHEMES as readonly string[]).includes(protocol) ? href : null;
	} catch {
		return null;
	}
}

// Raw HTML off (it comes out as the text that was typed); linkify turns a pasted address into
// a link; `breaks` keeps a line break where the writer pressed Enter, as people expect.
const md = new MarkdownIt('default', {
	html: false,
	linkify: true,
	breaks: true,
	typographer: false
});

// Indented text would turn into a code block and `>` into a quote: people type those by
// accident, so they stay plain text. Strikethrough, tables and rules are not in the allowlist.
md.disable(['code', 'fence', 'blockquote', 'hr', 'table', 'backticks', 'strikethrough']);

// Only addresses that pass here become links; the rest stays readable text.
md.validateLink = (url) => safeHref(url) !== null;

// The page has its own h1: "# Welcome" becomes the section heading, deeper levels one below it.
md.core.ruler.push('welcome_headings', (state) => {
	for (const token of state.tokens)
		if (token.type === 'heading_open' || token.type === 'heading_close')
			token.tag = token.tag === 'h1' ? 'h2' : 'h3';
});

// A picture would be a request to someone else's server: only its description is shown.
md.renderer.rules.image = (tokens, idx, options, env, self) =>
	md.utils.escapeHtml(self.renderInlineAsText(tokens[idx]?.children ?? [], options, env));

const sanitizeOptions: sanitizeHtml.IOptions = {
	allowedTags: [...ALLOWED_TAGS],
	allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
	allowedSchemes: [...SCHEMES],
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	parseStyleAttributes: false,
	// A link keeps only its checked address; one that fails becomes its plain text.
	transformTags: {
		a: (_tagName, attribs): sanitizeHtml.Tag => {
			const href = safeHref(attribs.href);
			return href
				? { tagName: 'a', attribs: { href, rel: REL } }
				: { tagName: 'span', attribs: {} };
		}
	}
};

/** Characters that flip the order of what follows (U+202A–U+202E): used to disguise links. */
const BIDI_OVERRIDE = /[\u202A-\u202E]/g;
/** Control characters other than tab and line breaks. */
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

/** HTML cut down to the allowlist: the second wall, after Markdown without raw HTML. */
export function sanitize(html: string): string {
	return sanitizeHtml(html, sanitizeOptions);
}

/**
 * A verbinder's Markdown as HTML that is safe to put in a page: rendered without raw HTML and
 * then sanitised to the allowlist, so a mistake in either step is caught by the other.
 */
export function renderMarkdown(source: string): string {
	const clean = source.replace(BIDI_OVERRIDE, '').replace(CONTROL, '');
	return sanitize(md.render(clean)).trim();
}
