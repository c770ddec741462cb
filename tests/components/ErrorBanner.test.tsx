// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBanner } from '../../components/ErrorBanner';

afterEach(cleanup);

describe('ErrorBanner', () => {
  it('announces the error, and renders nothing without one', () => {
    const { rerender, container } = render(<ErrorBanner message="Access was not granted" />);
    expect(screen.getByRole('alert').textContent).toBe('Access was not granted');
    rerender(<ErrorBanner message={null} />);
    expect(container.textContent).toBe('');
  });
});
