import { Component, type ReactNode } from 'react';
import { strings, type Lang } from '../i18n/strings';

interface Props {
  lang: Lang;
  children: ReactNode;
  /** What the reload button does; tests replace it. */
  onReload?(): void;
}

/** Whatever breaks below shows a readable message and a way out, never a white page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    // Anything can be thrown, null included: keep it as an Error so the message below always shows.
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error) {
    console.error('[app]', error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    const t = strings[this.props.lang];
    return (
      <div className="fatal" role="alert" dir={this.props.lang === 'ar' ? 'rtl' : 'ltr'} lang={this.props.lang}>
        <h1>{t.errorTitle}</h1>
        <p>{t.errorBody}</p>
        <pre>{this.state.error.message.slice(0, 500)}</pre>
        <button type="button" onClick={() => (this.props.onReload ?? (() => location.reload()))()}>
          {t.reload}
        </button>
      </div>
    );
  }
}
