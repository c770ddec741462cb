// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnabledSites } from '../../components/EnabledSites';
import { PageProblem } from '../../components/PageProblem';
import { SiteSwitch } from '../../components/SiteSwitch';

afterEach(cleanup);

describe('pages and sites in the panel and options', () => {
  it('PageProblem says in words what is missing and leads to the selector overrides', () => {
    const onOpenOptions = vi.fn();
    const { container } = render(<PageProblem problem={null} onOpenOptions={onOpenOptions} />);
    expect(container.innerHTML).toBe('');
    render(<PageProblem problem="no-composer" siteLabel="京东咚咚" onOpenOptions={onOpenOptions} />);
    expect(screen.getByTestId('page-problem').textContent).toContain('can’t find the message box on this page');
    fireEvent.click(screen.getByRole('button', { name: /Selector overrides/ }));
    expect(onOpenOptions).toHaveBeenCalled();
  });

  it('SiteSwitch offers to turn the site on, and says when it is on', () => {
    const onEnable = vi.fn();
    const { rerender } = render(<SiteSwitch origin="https://desk.example.com" enabled={false} onEnable={onEnable} />);
    fireEvent.click(screen.getByTestId('enable-site'));
    expect(onEnable).toHaveBeenCalledWith('https://desk.example.com');
    rerender(<SiteSwitch origin="https://desk.example.com" enabled onEnable={onEnable} />);
    expect(screen.queryByTestId('enable-site')).toBeNull();
    expect(screen.getByTestId('site-switch').textContent).toContain('Huashu is on for https://desk.example.com');
  });

  it('EnabledSites lists the sites, adds one, turns one off, and offers the packs’ sites', () => {
    const onEnable = vi.fn();
    const onDisable = vi.fn();
    render(
      <EnabledSites
        origins={['https://desk.example.com']}
        suggested={['https://mail.example.com']}
        onEnable={onEnable}
        onDisable={onDisable}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(onDisable).toHaveBeenCalledWith('https://desk.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Turn on https://mail.example.com' }));
    expect(onEnable).toHaveBeenCalledWith('https://mail.example.com');
    fireEvent.change(screen.getByLabelText('Site address'), { target: { value: 'support.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn Huashu on' }));
    expect(onEnable).toHaveBeenLastCalledWith('support.example.com');
  });
});
