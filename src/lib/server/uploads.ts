// Files posted with a form (multipart): the non-empty File entries of one field. Checking type and size
// is the domain's job (domain/action-extras.ts checkEvidence).
export function filesOf(form: FormData | null, field = 'files'): File[] {
	if (!form) return [];
	return form.getAll(field).filter((v): v is File => typeof v !== 'string' && v.size > 0);
}
