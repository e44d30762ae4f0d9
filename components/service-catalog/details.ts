// One service's entry as the citizen reads it before filing: who may use it,
// what to bring, how it goes, how long, how much, where, on what legal basis,
// and what is done with their data.
import { html, nothing, type TemplateResult } from 'lit';
import type { ServiceDetail } from '../../contract/types.js';
import { documentFormatNames } from '../internal/document-formats.js';
import { type Locale, type MessageKey, deadlineText, translate } from '../internal/i18n.js';
import './messages.js';

/** A channel's name ("online" → "Online", "videoconferencia" → "Videoconferência"); an unknown one as stored. */
function channelName(locale: Locale, channel: string): string {
  const key = `catalog.channel.${channel}` as MessageKey;
  const text = translate(locale, key);
  return text === key ? channel : text;
}

export function renderServiceDetail(locale: Locale, d: ServiceDetail): TemplateResult {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const text = (v: string | null) => (v?.trim() ? html`<span class="pre">${v}</span>` : html`<span class="muted">${t('common.notInformed')}</span>`);
  const place = [d.address, d.hours].filter((x): x is string => !!x?.trim());
  return html`<dl class="entry">
      <div>
        <dt>${t('catalog.audience')}</dt>
        <dd>${text(d.audience)}</dd>
      </div>
      ${
        d.requirements?.trim()
          ? html`<div>
              <dt>${t('catalog.requirements')}</dt>
              <dd>${text(d.requirements)}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${t('catalog.documents')}</dt>
        <dd>
          ${
            d.documents.length
              ? html`<ul class="documents">
                  ${d.documents.map(
                    (doc) =>
                      html`<li>
                        <strong>${doc.name}</strong>
                        <span class="tag ${doc.required ? 'required' : ''}"
                          >${t(doc.required ? 'catalog.document.required' : 'catalog.document.optional')}</span
                        >
                        <span class="hint">${t('catalog.document.formats', { formats: documentFormatNames(doc, t('catalog.or')) })}</span>
                      </li>`,
                  )}
                </ul>`
              : html`<span class="muted">${t('catalog.noDocuments')}</span>`
          }
        </dd>
      </div>
      <div>
        <dt>${t('catalog.steps')}</dt>
        <dd>
          ${
            d.steps.length
              ? html`<ol class="steps">
                  ${d.steps.map((s) => html`<li>${s.title}</li>`)}
                </ol>`
              : html`<span class="muted">${t('common.notInformed')}</span>`
          }
        </dd>
      </div>
      <div>
        <dt>${t('catalog.deadlineLabel')}</dt>
        <dd>${deadlineText(locale, d.deadline)}</dd>
      </div>
      <div>
        <dt>${t('catalog.cost')}</dt>
        <dd>${text(d.cost)}</dd>
      </div>
      <div>
        <dt>${t('catalog.channels')}</dt>
        <dd>${d.delivery.length ? d.delivery.map((c) => channelName(locale, c)).join(', ') : html`<span class="muted">${t('common.notInformed')}</span>`}</dd>
      </div>
      <div>
        <dt>${t('catalog.area')}</dt>
        <dd>${d.area.length ? d.area.join(', ') : html`<span class="muted">${t('common.notInformed')}</span>`}</dd>
      </div>
      <div>
        <dt>${t('catalog.place')}</dt>
        <dd>${place.length ? place.map((p) => html`<span class="pre block">${p}</span>`) : html`<span class="muted">${t('common.notInformed')}</span>`}</dd>
      </div>
      <div>
        <dt>${t('catalog.legalBasis')}</dt>
        <dd>${text(d.legalBasis)}</dd>
      </div>
    </dl>
    <div class="lgpd" role="note" aria-label=${t('catalog.lgpd.title')}>
      <p><strong>${t('catalog.lgpd.title')}.</strong> ${d.lgpdBasis?.trim() ? t('catalog.lgpd', { basis: d.lgpdBasis.trim() }) : t('catalog.lgpd.none')}</p>
    </div>`;
}
