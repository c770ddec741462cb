// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseOverrides, SelectorOverrides } from '../../components/SelectorOverrides';
import type { SiteSelectors } from '../../lib/state/options/types';

afterEach(cleanup);

const sites: SiteSelectors[] = [
  { platform: 'jd', label: '京东咚咚', defaults: { composer: '.EditorContent', messageList: '.c-c' } },
  { platform: 'pdd', label: '拼多多', defaults: { composer: '#replyTextarea' } },
];

describe('parseOverrides', () => {
  it('accepts known selector names with valid CSS, and an empty text', () => {
    expect(parseOverrides('{"composer": ".x [contenteditable]"}', sites[0]!.defaults, document)).toEqual({
      value: { composer: '.x [contenteditable]' },
    });
    expect(parseOverrides('  ', sites[0]!.defaults, document)).toEqual({ value: {} });
  });
  it('names what is wrong', () => {
    expect(parseOverrides('{', sites[0]!.defaults, document).error).toMatch(/^not valid JSON/);
    expect(parseOverrides('["x"]', sites[0]!.defaults, document).error).toBe('must be a JSON object');
    expect(parseOverrides('{"composr": ".x"}', sites[0]!.defaults, document).error).toContain(
      '"composr" is not a selector of this site',
    );
    expect(parseOverrides('{"composer": "[[x"}', sites[0]!.defaults, document).error).toContain(
      'is not a valid CSS selector',
    );
  });
});

describe('SelectorOverrides', () => {
  it('saves valid overrides for the chosen site and refuses broken ones', () => {
    const onSave = vi.fn();
    render(<SelectorOverrides sites={sites} overrides={{}} onSave={onSave} />);
    fireEvent.change(screen.getByTestId('selector-overrides'), { target: { value: '{"composer": "[[bad"}' } });
    fireEvent.click(screen.getByTestId('selector-save'));
    expect(screen.getByTestId('selector-error').textContent).toContain('not a valid CSS selector');
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('selector-overrides'), {
      target: { value: '{"composer": ".chat-foot .new-editor"}' },
    });
    fireEvent.click(screen.getByTestId('selector-save'));
    expect(onSave).toHaveBeenCalledWith('jd', { composer: '.chat-foot .new-editor' });
  });

  it('shows the saved overrides of another site', () => {
    render(<SelectorOverrides sites={sites} overrides={{ pdd: { composer: 'textarea.reply' } }} onSave={() => {}} />);
    fireEvent.change(screen.getByTestId('selector-site'), { target: { value: 'pdd' } });
    expect((screen.getByTestId('selector-overrides') as HTMLTextAreaElement).value).toContain('textarea.reply');
  });
});
