// The drafts of the page being shown (docs/offline.md): saved by the enhance wrapper when a submit fails,
// restored into the forms of a page when it opens, listed by the draft notice with a discard button.
import { draftFields, draftKey, parseDraft, serializeDraft } from './drafts';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

class DraftStore {
	/** Keys of the drafts restored into, or saved from, forms of the current page. */
	shown = $state<string[]>([]);

	save(form: HTMLFormElement, data: FormData) {
		const key = draftKey(form.action, location.href);
		storage()?.setItem(key, serializeDraft(draftFields(data.entries()), new Date()));
		if (!this.shown.includes(key)) this.shown = [...this.shown, key];
	}

	drop(form: HTMLFormElement) {
		this.discard(draftKey(form.action, location.href));
	}

	discard(key: string) {
		storage()?.removeItem(key);
		this.shown = this.shown.filter((k) => k !== key);
	}

	discardAll() {
		for (const k of this.shown) storage()?.removeItem(k);
		this.shown = [];
	}

	/** Puts each stored draft back into its form on this page (and tells Svelte bindings through input events). */
	restore(root: ParentNode) {
		const found: string[] = [];
		for (const form of root.querySelectorAll<HTMLFormElement>('form[method="POST" i]')) {
			const key = draftKey(form.action, location.href);
			const draft = parseDraft(storage()?.getItem(key) ?? null);
			if (!draft) continue;
			found.push(key);
			const seen = new Map<string, number>();
			for (const [name, value] of draft.fields) {
				const i = seen.get(name) ?? 0;
				seen.set(name, i + 1);
				const fields = [...form.elements].filter(
					(e): e is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement => 'name' in e && (e as HTMLInputElement).name === name
				);
				const radioOrBox = fields.filter((e) => e instanceof HTMLInputElement && (e.type === 'radio' || e.type === 'checkbox'));
				if (radioOrBox.length) {
					for (const e of radioOrBox as HTMLInputElement[]) if (e.value === value && !e.checked) e.click();
					continue;
				}
				const el = fields[i];
				if (!el || (el instanceof HTMLInputElement && (el.type === 'hidden' || el.type === 'file'))) continue;
				el.value = value;
				el.dispatchEvent(new Event('input', { bubbles: true }));
				el.dispatchEvent(new Event('change', { bubbles: true }));
			}
		}
		this.shown = found;
	}
}

export const drafts = new DraftStore();
